#!/bin/sh
export VAULT_ADDR=https://vault.corp.internal:8200
export VAULT_TOKEN=hvs.wvBGg3_Qy2mkU61HKZg9BoIyZB9PioGQ_x39uuNcvU3qQ6nujR6KZ-eRS_VS9tkYYadF39ca7hBrhH4t502SwHvgzx0JykA
vault kv get secret/app
