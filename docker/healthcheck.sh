#!/bin/bash
# Container health check without curl or wget in the image: GET http://127.0.0.1:PORT/PATH
# over bash's /dev/tcp and succeed on HTTP 200.   Usage: healthcheck PORT PATH
set -u
port="${1:?port}"
path="${2:?path}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "${path}" >&3
IFS=' ' read -r -t 5 _ status _ <&3 || exit 1
[ "${status}" = "200" ]
