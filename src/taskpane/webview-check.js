// Runs before the task pane's bundle, in plain ES5 so that every webview Office uses can run it, Internet
// Explorer 11 included. It tries what the bundle needs and cannot do without; where any of it is missing
// (Excel 2016/2019 on Internet Explorer or Edge Legacy, an old Safari on a Mac) it says in Vietnamese which
// Excel runs DanVan, and the bundle does not start (index.tsx reads window.danvanWebview).
(function () {
  function has(test) {
    try {
      return !!test();
      // ES5 has no catch without a binding.
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
    } catch (e) {
      return false;
    }
  }
  var needs = {
    // Syntax: the bundle is ES2017.
    es2017: function () {
      return new Function("return async function () { await 0; }")();
    },
    // Built-ins the code calls and no polyfill provides.
    builtins: function () {
      return (
        typeof Promise === "function" &&
        typeof fetch === "function" &&
        typeof Map === "function" &&
        typeof Symbol === "function" &&
        typeof Object.entries === "function" &&
        typeof Object.fromEntries === "function" &&
        typeof [].flatMap === "function" &&
        typeof [].flat === "function" &&
        typeof [].includes === "function" &&
        typeof "".normalize === "function" &&
        typeof "".padStart === "function" &&
        typeof "".matchAll === "function"
      );
    },
    // Regular expressions of the plan-text importer: look-behind and Unicode property escapes.
    regexp: function () {
      return new RegExp("(?<=\\.)\\s+(?=\\p{Lu})", "u").test(". A");
    },
    // Fluent UI measures its components with ResizeObserver and styles them with CSS variables.
    layout: function () {
      return (
        typeof ResizeObserver === "function" && window.CSS && CSS.supports("color", "var(--c)")
      );
    },
  };
  var missing = [];
  for (var name in needs) if (!has(needs[name])) missing.push(name);
  window.danvanWebview = { ok: missing.length === 0, missing: missing };
  if (!missing.length) return;

  function show() {
    var root = document.getElementById("root") || document.body;
    root.innerHTML =
      '<div role="alert" style="font-family: \'Segoe UI\', Arial, sans-serif; font-size: 14px; line-height: 1.5; ' +
      'padding: 16px; color: #242424; background: #fff4ce; border-left: 4px solid #c19c00">' +
      '<p style="margin: 0 0 8px; font-weight: 600">DanVan không chạy được trong Excel này</p>' +
      '<p style="margin: 0 0 8px">Cần Excel 2021, Microsoft 365 hoặc Excel trên web (mở sổ tại office.com). ' +
      "Với Excel 2016 hoặc 2019 trên Windows, nhờ người phụ trách máy tính cài Microsoft Edge WebView2 Runtime; " +
      "nếu vẫn thấy thông báo này, hãy dùng Excel trên web. Trên máy Mac, cập nhật macOS để có Safari 16.4 trở lên.</p>" +
      '<p style="margin: 0 0 8px">Sổ kế hoạch vẫn mở, sửa và in được như thường.</p>' +
      '<p style="margin: 0; color: #616161; font-size: 12px">Mã kiểm tra: ' +
      missing.join(", ") +
      "</p></div>";
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
