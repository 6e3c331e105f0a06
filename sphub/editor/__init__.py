"""The browser editor at /admin/ (Decap CMS): its configuration generated from the models
(`config`), the local editing server that `make edit` runs beside the preview (`server`,
`api`), which checks every save with sphub's own checks before writing only what changed
(`saving`; translations shown with their English: `translating`; its messages in the
editor's language: `words`), the files a built site ships under admin/ (`assets`), and the
one bundle of Decap that `make editor` installs (`install`)."""
