const groq = new Groq({ apiKey: "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" });
