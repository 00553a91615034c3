// Small behaviours of Faultline's pages: copy buttons and confirmations. Everything works without it too.
(function () {
    "use strict";

    document.addEventListener("click", function (event) {
        var button = event.target.closest("[data-copy]");
        if (!button) {
            return;
        }
        var source = document.getElementById(button.getAttribute("data-copy"));
        if (!source || !navigator.clipboard) {
            return;
        }
        navigator.clipboard.writeText(source.textContent.trim()).then(function () {
            var label = button.textContent;
            button.textContent = "Copied";
            setTimeout(function () { button.textContent = label; }, 1500);
        });
    });

    document.addEventListener("submit", function (event) {
        var message = event.target.getAttribute("data-confirm");
        if (message && !window.confirm(message)) {
            event.preventDefault();
        }
    });

    // htmx requests carry the page's CSRF token.
    document.addEventListener("htmx:configRequest", function (event) {
        var token = document.querySelector("meta[name=csrf-token]");
        if (token) {
            event.detail.headers["X-CSRF-Token"] = token.getAttribute("content");
        }
    });
})();
