// A case's facts are folded on a phone, so that the steps follow its title; on a wider screen
// they are opened (the stylesheet shows them already where the browser can style a closed
// details element).
if (window.matchMedia('(min-width: 701px)').matches) {
	document.querySelectorAll('details[data-fold-narrow]').forEach((details) => {
		details.open = true;
	});
}
