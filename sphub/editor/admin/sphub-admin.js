// sphub's start of the editor (Decap CMS): on this computer (127.0.0.1 or localhost, as
// `make edit` serves it) the editor saves through sphub's local editing server on the same
// origin, which checks every save; elsewhere it uses the git host named in config.yml.
window.CMS_MANUAL_INIT = true;
window.addEventListener("DOMContentLoaded", function () {
  var config = {};
  if (location.hostname === "127.0.0.1" || location.hostname === "localhost") {
    config.local_backend = { url: location.origin + "/api/v1" };
  }
  window.CMS.init({ config: config });
});
