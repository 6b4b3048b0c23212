/* A LibreOffice user profile that recalculates every formula on load (OOXMLRecalcMode 0 = always):
   LibreOffice keeps an .xlsx's cached results by default, so a test or benchmark would see what
   SRS cached, not what a spreadsheet computes. The tests' soffice runs and the bench share it. */
const fs = require("fs");
const path = require("path");

/** Writes the profile under `dir` (dir/profile): pass -env:UserInstallation=file://dir/profile. */
function recalcProfile(dir) {
  fs.mkdirSync(path.join(dir, "profile", "user"), { recursive: true });
  fs.writeFileSync(
    path.join(dir, "profile", "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`
  );
}

module.exports = { recalcProfile };
