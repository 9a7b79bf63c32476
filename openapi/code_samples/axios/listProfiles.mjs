import axios from 'axios';

const credentials = `${process.env.INSIGHTIQ_CLIENT_ID}:${process.env.INSIGHTIQ_CLIENT_SECRET}`;
const options = {
  method: 'GET',
  url: 'https://api.sandbox.insightiq.ai/v1/profiles',
  params: { limit: 10, offset: 0 },
  headers: {
    Accept: 'application/json',
    Authorization: `Basic ${Buffer.from(credentials).toString('base64')}`,
  },
};

try {
  const { data } = await axios.request(options);
  console.log(data);
} catch (error) {
  console.error(error);
}
