template {
  contents = "{{ with secret \"secret/data/app\" }}{{ .Data.data.password }}{{ end }}"
  destination = "/etc/app/password"
}
