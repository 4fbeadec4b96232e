package dev.agenttrail.webapp.interfaces.web;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The dashboard's texts ({@code texts.properties}), for the few built in Java rather than in a page. */
final class Texts {

  static final String BUNDLE = "dev.agenttrail.webapp.interfaces.web.texts";

  private final Locale locale;
  private final ResourceBundle bundle;

  Texts(Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
  }

  /** The texts in the language of the page being processed. */
  static Texts forView() {
    return new Texts(FacesContext.getCurrentInstance().getViewRoot().getLocale());
  }

  String format(String key, Object... arguments) {
    return new MessageFormat(bundle.getString(key), locale).format(arguments);
  }
}
