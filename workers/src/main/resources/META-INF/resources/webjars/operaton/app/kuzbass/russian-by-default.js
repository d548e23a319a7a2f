/*
 * Russian is the default language of Operaton's web apps (Tasklist, Cockpit, Admin, Welcome) in this
 * project, whatever language the browser prefers: the HR officers of the Kuzbass region read them in Russian.
 *
 * How the apps choose a language on their own: at start each app takes the browser's first language
 * (navigator.languages[0], "en-US" counts as "en") if it is in config.js' locales.availableLocales, and
 * locales.fallbackLocale otherwise; they have no language switch. With availableLocales ['ru', 'en'] a browser
 * set to English would therefore get English.
 *
 * This script is listed in each app's config.js under customScripts, so the app imports it before AngularJS
 * starts. It registers one more config block on the app's module, which runs after the app's own and sets the
 * language $translate starts with:
 *   - Russian, by default;
 *   - English for whoever opens an app once with ?lang=en in the address (e.g. /operaton/app/cockpit/default/?lang=en),
 *     and Russian again with ?lang=ru. The choice is kept in this browser (localStorage) for all the apps.
 * Only languages in availableLocales are accepted; fallbackLocale is the default.
 *
 * The chosen language is also made the fallback language, so that the app loads one locale file only: each
 * locale file loaded sets the date language of the page (moment.js), and with two of them the one that arrives
 * last would win. A label missing from the chosen file therefore shows as its key (e.g. CLAIM_TASK) instead of
 * in another language: check the ru.json files against the webjar's en.json when Operaton is upgraded.
 */
const STORAGE_KEY = 'kuzbass-webapp-locale';

const appName = document.querySelector('base').getAttribute('app-name'); // tasklist, cockpit, admin or welcome
const config = window[`cam${appName.charAt(0).toUpperCase()}${appName.slice(1)}Conf`] || {};
const locales = config.locales || {};
const available = locales.availableLocales || ['ru'];
const fallback = locales.fallbackLocale || 'ru';

function chosenLocale() {
  const requested = new URLSearchParams(window.location.search).get('lang');
  try {
    if (available.includes(requested)) {
      window.localStorage.setItem(STORAGE_KEY, requested);
    }
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return available.includes(stored) ? stored : fallback;
  } catch (e) {
    // localStorage may be disabled
    return available.includes(requested) ? requested : fallback;
  }
}

const locale = chosenLocale();

window.angular.module(`cam.${appName}`).config([
  '$translateProvider',
  function ($translateProvider) {
    $translateProvider.preferredLanguage(locale);
    $translateProvider.fallbackLanguage(locale);
  }
]);

document.documentElement.setAttribute('lang', locale);
