const MAPS_KEY = "AIzaMKAnD5UqWev2bCE-0azQabXH-CV3EaoiKML";
export function mapUrl(q) {
  return `https://maps.googleapis.com/maps/api/geocode/json?address=${q}&key=${MAPS_KEY}`;
}
