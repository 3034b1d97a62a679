curl --request POST \
  'https://api.piriod.com/contacts/' \
  --header 'Authorization: Token <api_token>' \
  --header 'x-simple-workspace: acc_01H8XYZ123ABC' \
  --header 'Content-Type: application/json' \
  --data '{
    "name": "Valentina Soto",
    "email": "valentina.soto@andes.cl",
    "customer": "cus_01H8XYZ123ABC",
    "invoicing": false
  }'
