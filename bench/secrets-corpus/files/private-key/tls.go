package tls

const serverKey = `-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIOGH9VUgdviJNtT+sDWL7AMpAdyWHEttjQRwQe9WQnJWoAoGCCqGSM49
AwEHoUQDQgAE6xVJZngbqlTs0kpyc+kyhJfjuc6lnWwonUUU3zsskT3VRb54qX/5
WnuIfdvPzP2LaXctKSPvj9TUa1bchOmHUQ==
-----END EC PRIVATE KEY-----`
