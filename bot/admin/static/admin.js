// policybot admin: fills each question's select with the measures, and
// assigning a question posts it to /api/examples and takes it off the list
// without reloading the page. Without script the forms still post (out of
// scope, or a measure the bot answered with) and the page comes back with
// a message.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Every question's select gets the full list of measures, which the
  // page carries once.
  var all = document.getElementById("measure-options");
  document.querySelectorAll("form.assign select").forEach(function (select) {
    // The full list is the current guide's: not for another guide's question.
    if (all && !select.closest("li.question").dataset.otherGuide) { select.appendChild(all.content.cloneNode(true)); }
  });

  document.querySelectorAll("form.assign").forEach(function (form) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var select = form.querySelector("select");
      var button = form.querySelector("button");
      var result = form.querySelector(".result");
      var item = form.closest("li.question");
      if (select.value === "") {
        result.textContent = "请先选择措施。";
        result.className = "result err";
        return;
      }
      button.disabled = true;
      result.className = "result";
      result.textContent = "正在重建索引…";
      fetch("/api/examples", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ question: form.elements.question.value, measure: Number(select.value),
          guide: form.elements.guide ? form.elements.guide.value : undefined })
      }).then(function (resp) {
        return resp.json().catch(function () { return {}; }).then(function (body) {
          if (!resp.ok) {
            throw new Error(body.error || ("HTTP " + resp.status));
          }
          return body;
        });
      }).then(function (body) {
        var label = select.options[select.selectedIndex].textContent;
        var status = document.getElementById("status");
        status.textContent = (body.added ? "已加入示例：" : "示例库中已有：") + body.question + " → " + label;
        status.className = "notice";
        status.hidden = false;
        removeItem(item);
      }).catch(function (err) {
        result.textContent = "未能加入：" + err.message;
        result.className = "result err";
        button.disabled = false;
      });
    });
  });

  // removeItem takes the question off its list (every list it is on) and
  // updates the counts.
  function removeItem(item) {
    var text = item.getAttribute("data-question");
    document.querySelectorAll("li.question").forEach(function (li) {
      if (li.getAttribute("data-question") !== text) { return; }
      var section = li.closest("section.review");
      li.remove();
      var count = section.querySelector(".count");
      var left = section.querySelectorAll("li.question").length;
      count.textContent = String(left);
      if (left === 0) {
        var empty = document.createElement("li");
        empty.className = "empty muted";
        empty.textContent = "没有需要处理的问题。";
        section.querySelector("ol.questions").appendChild(empty);
      }
    });
  }
});
