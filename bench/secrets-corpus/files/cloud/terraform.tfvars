region = "fra1"
droplet_size = "s-2vcpu-4gb"
do_token = "dop_v1_d2918feb9719793577883cf626e2f58d152e27af67134b16753c2771bad96f72"
