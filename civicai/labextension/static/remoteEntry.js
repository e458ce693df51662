/*
 * Civic AI Lab's JupyterLab extension, written by hand (no build step, nothing it imports).
 *
 * JupyterLab loads a prebuilt extension as a module-federation container: a script that
 * puts `{init, get}` under its name in `window._JUPYTERLAB`; `get("./extension")` gives a
 * factory of the module whose default export is the plugin. This plugin needs no shared
 * package: it asks the application for its document registry, as nbgrader's own Validate
 * plugin does, and works on the toolbar nbgrader has filled.
 *
 * 1. Validate only where it means something. nbgrader puts its Validate button on every
 *    notebook; on a lesson or a sandbox it ran for a minute and said "Success! Your notebook
 *    passes all the tests" on a notebook with no tests. The button is kept only on notebooks
 *    with nbgrader cells (the graded exercises and the practice).
 * 2. A wait a learner can see. While nbgrader validates, its button reads "Validating..."
 *    for a minute or more; the label now counts the seconds and says about how long it takes.
 * 3. A mark on each notebook panel once JupyterLab has written the kernel's description into
 *    the notebook (`data-civicai-kernel-info`), for a person inspecting the page and for the
 *    browser test that a notebook opens unchanged: JupyterLab's own handler of the same
 *    kernel reply was connected first, so it has run when the mark appears.
 */
(function () {
  "use strict";

  var EXPECTED = "about a minute";

  function isGraded(model) {
    var cells = model && model.sharedModel ? model.sharedModel.cells : [];
    for (var i = 0; i < cells.length; i++) {
      var metadata = cells[i].getMetadata ? cells[i].getMetadata() : cells[i].metadata;
      if (metadata && metadata.nbgrader) {
        return true;
      }
    }
    return false;
  }

  // nbgrader's button, known by what only it has (its label and class are drawn later)
  function validateButton(panel) {
    for (var widget of panel.toolbar.children()) {
      if ("versionCheckCallback" in widget && "saveCallback" in widget) {
        return widget;
      }
    }
    return null;
  }

  function countSeconds(button) {
    var started = null;
    var timer = null;
    function label() {
      return button.node.querySelector(".jp-ToolbarButtonComponent-label");
    }
    function text() {
      var shown = label();
      return shown ? shown.innerText || shown.textContent || "" : "";
    }
    function tick() {
      if (!/^Validating/.test(text())) {
        clearInterval(timer);
        timer = null;
        button.node.removeAttribute("aria-busy");
        return;
      }
      var seconds = Math.round((Date.now() - started) / 1000);
      label().innerText = "Validating… " + seconds + " s (" + EXPECTED + ")";
    }
    // nbgrader writes "Validating..." into the label when the run starts, "Validate" at the end
    new MutationObserver(function () {
      if (timer === null && text() === "Validating...") {
        started = Date.now();
        button.node.setAttribute("aria-busy", "true");
        label().innerText = "Validating… 0 s (" + EXPECTED + ")";
        timer = setInterval(tick, 1000);
      }
    }).observe(button.node, { childList: true, characterData: true, subtree: true });
  }

  function placeValidate(panel, context) {
    context.ready.then(function () {
      var button = validateButton(panel);
      var graded = isGraded(context.model);
      // what was decided, for a person inspecting the page and for the browser tests
      panel.node.setAttribute("data-civicai-validate", graded ? "offered" : "not-offered");
      if (!button) {
        return;
      }
      if (graded) {
        button.node.title = "Run the whole exercise and list what is left to do (" +
          EXPECTED + ")";
        countSeconds(button);
      } else {
        button.dispose();
      }
    });
  }

  function markKernelInfo(panel, context) {
    var session = context.sessionContext;
    function onKernel() {
      var kernel = session.session && session.session.kernel;
      if (!kernel) {
        return;
      }
      kernel.info.then(function () {
        setTimeout(function () {
          panel.node.setAttribute("data-civicai-kernel-info", "applied");
        }, 0);
      });
    }
    session.kernelChanged.connect(onKernel);
    session.ready.then(onKernel);
  }

  var plugin = {
    id: "civicai-lab:validate-where-graded",
    description: "Validate only on graded exercises, with the seconds it has run",
    autoStart: true,
    activate: function (app) {
      app.docRegistry.addWidgetExtension("Notebook", {
        createNew: function (panel, context) {
          placeValidate(panel, context);
          markKernelInfo(panel, context);
        }
      });
    }
  };

  var container = {
    init: function () {
      return Promise.resolve();
    },
    get: function (module) {
      if (module !== "./extension") {
        return Promise.reject(new Error("civicai-lab has no module " + module));
      }
      return Promise.resolve(function () {
        return { __esModule: true, default: [plugin] };
      });
    }
  };

  window._JUPYTERLAB = window._JUPYTERLAB || {};
  window._JUPYTERLAB["civicai-lab"] = container;
})();
