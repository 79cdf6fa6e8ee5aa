-- wrk: POST a small GraphQL query to /graphql, as a frontend's status widget would.
wrk.method = "POST"
wrk.path = "/graphql"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"
wrk.body = '{"query":"{ realtimeStatus { status serverTime features version } }"}'
