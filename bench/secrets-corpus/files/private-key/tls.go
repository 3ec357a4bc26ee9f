package tls

const serverKey = `-----BEGIN EC PRIVATE KEY-----
MHcCAQEEILIs+q59BRq24iQftTjFvlF9po5Zbp/+cu+GIXyavKltoAoGCCqGSM49
AwEHoUQDQgAEzRlEi/AzTD5sq2tJfqt+eJ1DW630lqXLawEgVX7JXhzR5osd5mCn
E3DzfnspdKqfO68p1IH6EkMpQcV0qaaYrw==
-----END EC PRIVATE KEY-----`
