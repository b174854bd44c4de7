/* Defensorías: Spanish search for Material's worker, in place of lunr-languages'
 * lunr.es.min.js. The site's pipeline keeps only the stop word filter (Material removes
 * the Snowball trimmer and stemmer), so this file carries just that list, read from the
 * original file at build time, and none of the stemmer the worker would load and drop.
 * Index: tokens are folded ("víctima" → "victima"). Query: terms are folded and lightly
 * stemmed ("denuncias" → "denunci"); Material then prefix-matches them, so "denuncias"
 * finds "denuncia" and "proteccion" finds "protección". */
(function () {
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function stem(term) {
    // lunr keeps Material's trailing wildcard in the term: stem the word inside it
    var parts = /^(\*?)(.*?)(\*?)$/.exec(term);
    var word = parts[2];
    if (word.length > 4) word = word.replace(/([^aeiou])es$/, "$1").replace(/([aeiou])s$/, "$1");
    if (word.length > 5) word = word.replace(/(ar|er|ir)$/, "");
    if (word.length > 4) word = word.replace(/[aeo]$/, "");
    return parts[1] + word + parts[3];
  }
  var foldToken = function (token) {
    return token.update(fold);
  };
  lunr.Pipeline.registerFunction(foldToken, "dc-fold-es");
  lunr.es = function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.pipeline.add(lunr.es.stopWordFilter, foldToken);
  };
  lunr.es.stopWordFilter = lunr.generateStopWordFilter("__STOP_WORDS__".split(" "));
  lunr.Pipeline.registerFunction(lunr.es.stopWordFilter, "stopWordFilter-es");
  var parse = lunr.QueryParser.prototype.parse;
  lunr.QueryParser.prototype.parse = function () {
    var query = parse.apply(this, arguments);
    query.clauses.forEach(function (clause) {
      clause.term = stem(fold(clause.term));
    });
    return query;
  };
}());
