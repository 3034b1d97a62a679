curl --get \
  'https://api.piriod.com/customers/' \
  --header 'Authorization: Token <api_token>' \
  --header 'x-simple-workspace: acc_01H8XYZ123ABC' \
  --data-urlencode 'country=CL' \
  --data-urlencode 'created__gte=2026-01-01T00:00:00Z' \
  --data-urlencode 'metadata__segment=wholesale' \
  --data-urlencode 'page_size=50'
