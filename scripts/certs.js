// HTTPS for the local add-in server. office-addin-dev-certs makes the certificates; installing its CA needs
// administrator rights (and on Linux, sudo), so when that step fails the generated files are used as they are.
"use strict";
const fs = require("fs");
const devCerts = require("office-addin-dev-certs");
const defaults = require("office-addin-dev-certs/lib/defaults");
const { generateCertificates } = require("office-addin-dev-certs/lib/generate");

async function httpsOptions() {
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch {
    if (!fs.existsSync(defaults.localhostCertificatePath)) await generateCertificates();
    return {
      ca: fs.readFileSync(defaults.caCertificatePath),
      key: fs.readFileSync(defaults.localhostKeyPath),
      cert: fs.readFileSync(defaults.localhostCertificatePath),
    };
  }
}

module.exports = { httpsOptions };
