/* Defensorías: Spanish search that forgives accents and word endings.
 * Appended by the site plugin to Material's lunr.es.min.js, which the search worker
 * loads. Index: tokens are folded ("víctima" → "victima"). Query: terms are folded and
 * lightly stemmed ("denuncias" → "denunci"); Material then prefix-matches them, so
 * "denuncias" finds "denuncia" and "proteccion" finds "protección". */
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
  var spanish = lunr.es;
  lunr.es = function () {
    spanish.apply(this, arguments);
    this.pipeline.add(foldToken);
  };
  Object.keys(spanish).forEach(function (key) { lunr.es[key] = spanish[key]; });
  var parse = lunr.QueryParser.prototype.parse;
  lunr.QueryParser.prototype.parse = function () {
    var query = parse.apply(this, arguments);
    query.clauses.forEach(function (clause) {
      clause.term = stem(fold(clause.term));
    });
    return query;
  };
}());
