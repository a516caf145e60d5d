package io.marketlambda.oozie;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.apache.oozie.client.OozieClient;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates Oozie application XML offline against the XSDs shipped inside {@code oozie-client}:
 * workflow 1.0 with the Spark and shell actions 1.0, coordinator 0.5, bundle 0.2 and SLA 0.2. The
 * namespace of the root element picks the schema, so an app of another version fails as unknown.
 */
public final class OozieSchemas {
  /** The XSDs, as resources of the oozie-client jar. */
  static final List<String> XSDS =
      List.of(
          "oozie-sla-0.2.xsd",
          "spark-action-1.0.xsd",
          "shell-action-1.0.xsd",
          "oozie-workflow-1.0.xsd",
          "oozie-coordinator-0.5.xsd",
          "oozie-bundle-0.2.xsd");

  private final Schema schema;

  private OozieSchemas(Schema schema) {
    this.schema = schema;
  }

  /**
   * Loads the XSDs from the oozie-client jar.
   *
   * @throws IllegalStateException when an XSD is missing or does not compile (a broken build)
   */
  public static OozieSchemas load() {
    List<Source> sources = new ArrayList<>();
    for (String xsd : XSDS) {
      URL url = OozieClient.class.getClassLoader().getResource(xsd);
      if (url == null) {
        throw new IllegalStateException("Cannot find " + xsd + " in oozie-client's jar");
      }
      // The URL as system id, so that xs:include of oozie-common-1.0.xsd resolves in the jar.
      sources.add(new StreamSource(url.toExternalForm()));
    }
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      return new OozieSchemas(factory.newSchema(sources.toArray(Source[]::new)));
    } catch (SAXException e) {
      throw new IllegalStateException("Cannot compile the Oozie XSDs: " + e.getMessage(), e);
    }
  }

  /**
   * Validates one document.
   *
   * @param name what to call the document in messages, e.g. {@code workflow.xml}
   * @return every problem found, {@code <name>:<line>:<column>: <message>}; empty when valid
   * @throws UncheckedIOException when the document cannot be read
   */
  public List<String> validate(String name, InputStream xml) {
    List<String> problems = new ArrayList<>();
    Validator validator = schema.newValidator();
    validator.setErrorHandler(
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {}

          @Override
          public void error(SAXParseException e) {
            problems.add(describe(name, e));
          }

          @Override
          public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
          }
        });
    try {
      validator.validate(new StreamSource(xml, name));
    } catch (SAXParseException e) {
      problems.add(describe(name, e));
    } catch (SAXException e) {
      problems.add(name + ": " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name + ": " + e.getMessage(), e);
    }
    return List.copyOf(problems);
  }

  private static String describe(String name, SAXParseException e) {
    return String.format(
        Locale.ROOT, "%s:%d:%d: %s", name, e.getLineNumber(), e.getColumnNumber(), e.getMessage());
  }
}
