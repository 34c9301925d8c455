// The popup shown on a page the extension cannot read; background.js passes the reason in ?why=.
const why = new URLSearchParams(location.search).get("why");
if (why) document.getElementById("why").textContent = why;
