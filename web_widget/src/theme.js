// The council's brand colour on the widget (pure: Node's tests load this file alone). Brand
// colours are the council's choice; text on them and links in them must still pass WCAG AA, so
// the widget picks dark or white text and darkens the colour for links.
const theme = (() => {
  const INK = "#0b0c0c";
  const BUBBLE = "#f3f2f1"; // the soft grey of the assistant's bubbles

  function luminance(hex) {
    const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
  const contrast = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

  // The colour made darker by ``factor`` (1 keeps it).
  const shade = (colour, factor) => "#" + [1, 3, 5].map((i) =>
    Math.round(parseInt(colour.slice(i, i + 2), 16) * factor).toString(16).padStart(2, "0")).join("");
  // The colour, darkened just enough to reach AA (4.5:1) against ``against``.
  function darkenFor(colour, against) {
    let found = colour;
    for (let f = 1; contrast(luminance(found), luminance(against)) < 4.5 && f > 0; f -= 0.05) {
      found = shade(colour, f);
    }
    return found;
  }

  // -> {brand, onBrand, link} for a #rrggbb colour, or null for anything else.
  function palette(colour) {
    if (!/^#[0-9a-f]{6}$/i.test(colour || "")) return null;
    const lum = luminance(colour);
    let brand = colour;
    let onBrand = contrast(lum, 1) >= contrast(lum, luminance(INK)) ? "#ffffff" : INK;
    // Some middling colours (a bright pink, say) pass with neither white nor dark text: then
    // the buttons take the colour a little darker, under white text.
    if (contrast(luminance(onBrand), lum) < 4.5) {
      onBrand = "#ffffff";
      brand = darkenFor(colour, onBrand);
    }
    // Links sit on white and on the bubbles' grey: AA on the darker of the two.
    return { brand, onBrand, link: darkenFor(colour, BUBBLE) };
  }

  return { palette, luminance, contrast };
})();
if (typeof module === "object" && module) module.exports = theme;
