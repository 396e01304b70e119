-- wrk script: GET one run with the ci token.
wrk.headers["Authorization"] = "Bearer bench-ci"
