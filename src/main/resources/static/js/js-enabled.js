// GOV.UK Frontend's js-enabled snippet, as a file: the CSP allows no inline script. Loaded at the top of <body>.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
