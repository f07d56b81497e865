// office-addin-mock needs only this enum from office-addin-manifest, whose ESM-only dependencies Jest on
// Node 20 cannot load (see jest.config.js).
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
};
