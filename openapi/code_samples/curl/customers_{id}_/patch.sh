curl --request PATCH \
  'https://api.piriod.com/customers/cus_01H8XYZ123ABC/' \
  --header 'Authorization: Token <api_token>' \
  --header 'x-simple-workspace: acc_01H8XYZ123ABC' \
  --header 'Content-Type: application/json' \
  --data '{
    "name": "Comercializadora Andes SpA",
    "address": "Av. Providencia 1234, of. 501",
    "country": "CL",
    "state": 13,
    "email": "facturacion@andes.cl"
  }'
