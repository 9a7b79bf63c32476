curl -u "$INSIGHTIQ_CLIENT_ID:$INSIGHTIQ_CLIENT_SECRET" \
  -H 'Accept: application/json' \
  'https://api.sandbox.insightiq.ai/v1/profiles?limit=10&offset=0'
