/**
 * Liaison.SingleChoice 1.0: one question, answers as radio buttons, one right answer.
 *
 * Written for Liaison. H5P core finds the constructor by walking the machine name from
 * window (window.Liaison.SingleChoice), builds it with the parameters from
 * content/content.json and the content id, then calls attach($container). On "Check" the score goes out as an xAPI
 * "answered" statement through H5P's EventDispatcher, as H5P's own content types do.
 *
 * Parameters (content.json):
 *   question  plain text (shown as text, never as HTML)
 *   answers   list of plain texts
 *   correct   index of the right answer in answers
 *   l10n      optional texts: check, correct, incorrect, chooseAnswer
 */
var H5P = H5P || {};
var Liaison = Liaison || {};

Liaison.SingleChoice = (function (EventDispatcher) {
  'use strict';

  // Makes element ids unique when a page shows the same content more than once.
  var instanceCount = 0;

  var DEFAULT_L10N = {
    check: 'Check',
    correct: 'Correct.',
    incorrect: 'Not quite.',
    chooseAnswer: 'Choose an answer first.'
  };

  /**
   * Creates an element with a class and, optionally, a text (set as text: no markup runs).
   */
  function element(tagName, className, text) {
    var node = document.createElement(tagName);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = String(text);
    }
    return node;
  }

  /**
   * @param {object} params The content's parameters (content/content.json).
   * @param {number} contentId The content's id on the page.
   * @param {object} extras H5P's extras; previousState is what getCurrentState returned
   *   on the trainee's last visit.
   */
  function SingleChoice(params, contentId, extras) {
    // Gives this instance on(), trigger() and the xAPI helpers.
    EventDispatcher.call(this);

    params = params || {};
    this.question = params.question || '';
    this.answers = Array.isArray(params.answers) ? params.answers : [];
    this.correct = Number(params.correct);
    this.l10n = {};
    for (var key in DEFAULT_L10N) {
      var given = params.l10n && params.l10n[key];
      this.l10n[key] = typeof given === 'string' ? given : DEFAULT_L10N[key];
    }
    this.score = 0;
    var previous = extras && extras.previousState;
    this.chosen = previous && typeof previous.chosen === 'number' ? previous.chosen : null;
    this.form = null;
    instanceCount += 1;
    this.uid = 'h5p-liaison-singlechoice-' + contentId + '-' + instanceCount;
  }

  // Chain the prototype so instances are EventDispatchers (createXAPIEventTemplate, trigger).
  SingleChoice.prototype = Object.create(EventDispatcher.prototype);
  SingleChoice.prototype.constructor = SingleChoice;

  /**
   * Renders the question into the container H5P gives (a jQuery object).
   */
  SingleChoice.prototype.attach = function ($container) {
    var self = this;
    var root = $container.get(0);
    root.classList.add('h5p-liaison-singlechoice');
    root.textContent = '';

    var form = element('form');
    // A fieldset with its legend tells screen readers which question the radios answer.
    var fieldset = element('fieldset');
    fieldset.appendChild(element('legend', 'h5p-liaison-singlechoice-question', this.question));

    this.answers.forEach(function (text, index) {
      var row = element('div', 'h5p-liaison-singlechoice-answer');
      var input = element('input');
      input.type = 'radio';
      input.name = self.uid;
      input.id = self.uid + '-' + index;
      input.value = String(index);
      input.checked = index === self.chosen;
      var label = element('label', null, text);
      label.htmlFor = input.id;
      row.appendChild(input);
      row.appendChild(label);
      fieldset.appendChild(row);
    });
    form.appendChild(fieldset);

    var button = element('button', null, this.l10n.check);
    button.type = 'submit';
    form.appendChild(button);

    // Read out when it changes, without moving the focus.
    var feedback = element('p', 'h5p-liaison-singlechoice-feedback');
    feedback.setAttribute('role', 'status');
    feedback.setAttribute('aria-live', 'polite');
    form.appendChild(feedback);

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      self.check(form, feedback);
    });

    this.form = form;
    root.appendChild(form);
    // An iframe embed resizes to its content on this event.
    this.trigger('resize');
  };

  /**
   * Scores the chosen answer, shows the feedback and sends the xAPI "answered" statement.
   */
  SingleChoice.prototype.check = function (form, feedback) {
    var chosen = form.querySelector('input[type="radio"]:checked');
    if (!chosen) {
      feedback.className = 'h5p-liaison-singlechoice-feedback';
      feedback.textContent = this.l10n.chooseAnswer;
      return;
    }
    var success = Number(chosen.value) === this.correct;
    this.score = success ? 1 : 0;
    feedback.className =
      'h5p-liaison-singlechoice-feedback ' + (success ? 'is-correct' : 'is-incorrect');
    feedback.textContent = success ? this.l10n.correct : this.l10n.incorrect;

    var xAPIEvent = this.createXAPIEventTemplate('answered');
    // Sets result.score {min: 0, max: 1, raw}, result.scaled, completion (true) and success.
    xAPIEvent.setScoredResult(this.score, this.getMaxScore(), this, true, success);
    this.trigger(xAPIEvent);
    this.trigger('resize');
  };

  /** The score of the last check: 1 when right, else 0 (H5P's question contract). */
  SingleChoice.prototype.getScore = function () {
    return this.score;
  };

  /** Where the trainee is, to resume on the next visit (H5P's state contract). */
  SingleChoice.prototype.getCurrentState = function () {
    var chosen = this.form && this.form.querySelector('input[type="radio"]:checked');
    return chosen ? { chosen: Number(chosen.value) } : undefined;
  };

  /** One question, one point. */
  SingleChoice.prototype.getMaxScore = function () {
    return 1;
  };

  return SingleChoice;
})(H5P.EventDispatcher);
