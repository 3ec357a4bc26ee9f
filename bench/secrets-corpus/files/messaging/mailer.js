const sgMail = require("@sendgrid/mail");
sgMail.setApiKey("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");
