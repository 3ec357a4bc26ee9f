#!/bin/sh
set -e
export GITHUB_TOKEN=ghp_6KitaIj9JDTAoEIS5eEdR5w9T7MhSl6j75Dw
gh release create "$TAG" dist/*.tgz
