package db

const dbPassword = "AU%SQAUI5*J4h9"
