curl --request POST \
  'https://api.piriod.com/customers/' \
  --header 'Authorization: Token <api_token>' \
  --header 'x-simple-workspace: acc_01H8XYZ123ABC' \
  --header 'Content-Type: application/json' \
  --data '{
    "name": "Distribuidora del Bajío SA de CV",
    "address": "Blvd. Adolfo López Mateos 1502",
    "country": "MX",
    "state": 14,
    "email": "cuentas@bajio.mx",
    "tax_id": "MAB9307148T4"
  }'
