#!/bin/sh
export API_TOKEN="i7Q4lGL37OmOtgppkr7YGCcR"
./deploy --env prod
