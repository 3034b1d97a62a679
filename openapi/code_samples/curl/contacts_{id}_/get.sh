curl --request GET \
  'https://api.piriod.com/contacts/con_01H8XYZ123ABC/' \
  --header 'Authorization: Token <api_token>' \
  --header 'x-simple-workspace: acc_01H8XYZ123ABC'
