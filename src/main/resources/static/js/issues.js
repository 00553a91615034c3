// The issue list: selecting a whole page offers to select everything the search matches; delete asks first.
(function () {
    "use strict";

    var form = document.getElementById("bulk");
    if (!form) {
        return;
    }
    var selectPage = form.querySelector("[data-select-page]");
    var banner = form.querySelector("[data-all-banner]");

    if (selectPage) {
        selectPage.addEventListener("change", function () {
            form.querySelectorAll("input[name=id]").forEach(function (box) { box.checked = selectPage.checked; });
            if (banner) {
                banner.hidden = !selectPage.checked;
                if (!selectPage.checked) {
                    banner.querySelector("input[name=all]").checked = false;
                }
            }
        });
    }

    form.addEventListener("click", function (event) {
        var button = event.target.closest("[data-confirm-action]");
        if (button && !window.confirm(button.getAttribute("data-confirm-action"))) {
            event.preventDefault();
        }
    });
})();
