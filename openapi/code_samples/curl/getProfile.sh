curl -u "$INSIGHTIQ_CLIENT_ID:$INSIGHTIQ_CLIENT_SECRET" \
  -H 'Accept: application/json' \
  'https://api.sandbox.insightiq.ai/v1/profiles/3640aa41-55d3-4198-9092-ef9ced03d7fb'
