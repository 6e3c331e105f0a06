"""The browser editor at /admin/ (Decap CMS): its configuration generated from the models
(`config`), the local editing server that `make edit` runs beside the preview (`api`, `guard`),
which validates every save with sphub's own checks before writing it (`saving`), and the
files a built site ships under admin/ (`assets`)."""
