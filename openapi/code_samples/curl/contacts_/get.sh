curl --get \
  'https://api.piriod.com/contacts/' \
  --header 'Authorization: Token <api_token>' \
  --header 'x-simple-workspace: acc_01H8XYZ123ABC' \
  --data-urlencode 'customer=cus_01H8XYZ123ABC' \
  --data-urlencode 'invoicing=true'
