// A form that undoes something a person cannot take back (a withdrawal) asks first:
// its data-confirm attribute holds the question, in the page's language.
document.addEventListener('submit', (event) => {
	const question = event.target.dataset && event.target.dataset.confirm;
	if (question && !window.confirm(question)) {
		event.preventDefault();
	}
});
