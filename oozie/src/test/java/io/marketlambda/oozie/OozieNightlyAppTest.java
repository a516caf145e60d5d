package io.marketlambda.oozie;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketlambda.core.config.LakeConfig;
import io.marketlambda.core.lake.LakeLayout;
import io.marketlambda.core.lake.LakeTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the nightly app names exists: the main classes and their options in the batch-layer sources,
 * the jar the batch-layer build makes, the lake paths of core's {@link LakeLayout}, the properties
 * it references, and a path from every step to the end or a kill node.
 */
class OozieNightlyAppTest {
  private static final String WORKFLOW_NS = "uri:oozie:workflow:1.0";
  private static final String SPARK_NS = "uri:oozie:spark-action:1.0";
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern EL = Pattern.compile("\\$\\{([^}]*)}");

  private final Document workflow = parse(NightlyApp.WORKFLOW);
  private final Document coordinator = parse(NightlyApp.COORDINATOR);

  @Test
  void stepsRunInOrderAndEveryErrorEndsInTheKillNode() {
    Map<String, Element> nodes = nodes();
    List<String> happyPath = new ArrayList<>();
    String next =
        ((Element) workflow.getElementsByTagNameNS(WORKFLOW_NS, "start").item(0))
            .getAttribute("to");
    while (!next.equals("end")) {
      happyPath.add(next);
      Element node = nodes.get(next);
      next =
          node.getLocalName().equals("action")
              ? child(node, "ok").getAttribute("to")
              : child(child(node, "switch"), "case").getAttribute("to");
    }
    assertThat(happyPath)
        .containsExactly(
            "land",
            "bronze-present",
            "recompute",
            "serving-copy-wanted",
            "export-serving-copy",
            "verify");
    for (Element action : elements(workflow, WORKFLOW_NS, "action")) {
      assertThat(child(action, "error").getAttribute("to")).isEqualTo("fail");
    }
    assertThat(nodes.get("fail").getLocalName()).isEqualTo("kill");
    assertThat(nodes.get("no-bronze").getLocalName()).isEqualTo("kill");
    for (Element transition : transitions()) {
      assertThat(nodes).containsKey(transition.getAttribute("to"));
    }
  }

  @Test
  void sparkActionsRunMainClassesOfTheBatchLayerWithOptionsTheyRead() throws IOException {
    List<Element> actions = elements(workflow, SPARK_NS, "spark");
    assertThat(actions).hasSize(4);
    for (Element spark : actions) {
      String mainClass = text(spark, "class");
      Path source =
          REPOSITORY.resolve("batch-layer/src/main/java/" + mainClass.replace('.', '/') + ".java");
      assertThat(source).as(mainClass).isRegularFile();
      String code = Files.readString(source);
      assertThat(code).contains("public static void main(String[] args)");
      // The main's own picocli options, and the settings options every main shares.
      String options =
          code
              + Files.readString(
                  REPOSITORY.resolve(
                      "core/src/main/java/io/marketlambda/core/config/SettingsOptions.java"));
      List<String> args = texts(spark, "arg");
      for (String arg : args) {
        if (arg.startsWith("--")) {
          assertThat(options).as("option " + arg).contains("names = \"" + arg + "\"");
        }
      }
      if (mainClass.endsWith("NightlyStepApplication")) {
        assertThat(code).contains("\"" + args.get(0) + "\"");
      }
      assertThat(args).containsSubsequence("--conf", LakeConfig.ROOT.name() + "=${lakeRoot}");
      assertThat(text(spark, "jar")).isEqualTo("${batchJar}");
    }
  }

  @Test
  void servingCopyKeyIsTheBatchLayersKey() throws IOException {
    String batchConfig =
        Files.readString(
            REPOSITORY.resolve(
                "batch-layer/src/main/java/io/marketlambda/batch/run/BatchConfig.java"));
    for (Element spark : elements(workflow, SPARK_NS, "spark")) {
      for (String arg : texts(spark, "arg")) {
        if (arg.contains("=") && !arg.startsWith(LakeConfig.ROOT.name() + "=")) {
          String key = arg.substring(0, arg.indexOf('='));
          assertThat(batchConfig).as(key).contains("\"" + key + "\"");
        }
      }
    }
  }

  @Test
  void batchJarIsTheShadedJarTheBatchLayerBuilds() throws IOException {
    String pom = Files.readString(REPOSITORY.resolve("batch-layer/pom.xml"));
    assertThat(pom)
        .contains("<artifactId>batch-layer</artifactId>")
        .contains("<shadedClassifierName>spark</shadedClassifierName>");
    String version =
        ((Element)
                parseFile(REPOSITORY.resolve("pom.xml"))
                    .getDocumentElement()
                    .getElementsByTagName("version")
                    .item(0))
            .getTextContent();
    assertThat(jobProperties().getProperty("batchJar"))
        .isEqualTo("${appDir}/lib/batch-layer-" + version + "-spark.jar");
  }

  @Test
  void bronzeCheckLooksWhereTheLakeLayoutPutsBronzeBars() {
    String condition = text(child(nodes().get("bronze-present"), "switch"), "case");
    Matcher path = Pattern.compile("concat\\(lakeRoot, '([^']+)'\\)").matcher(condition);
    assertThat(path.find()).as(condition).isTrue();
    String root = "hdfs://namenode:8020/marketlambda/lake";
    assertThat(root + path.group(1))
        .isEqualTo(LakeLayout.of(root).table(LakeTable.BRONZE_BARS) + "/_delta_log");
  }

  @Test
  void everyReferencedPropertyIsDefined() {
    Properties job = jobProperties();
    Set<String> defined = new HashSet<>(job.stringPropertyNames());
    for (Document document : List.of(workflow, coordinator)) {
      NodeList properties = document.getElementsByTagNameNS("*", "property");
      for (int i = 0; i < properties.getLength(); i++) {
        defined.add(text((Element) properties.item(i), "name"));
      }
    }
    Set<String> referenced = new TreeSet<>();
    referenced.addAll(variables(text(NightlyApp.WORKFLOW)));
    referenced.addAll(variables(text(NightlyApp.COORDINATOR)));
    job.stringPropertyNames().forEach(key -> referenced.addAll(variables(job.getProperty(key))));
    referenced.remove("project.version"); // filtered by the build
    assertThat(defined).containsAll(referenced);
    assertThat(referenced).contains("runDate", "lakeRoot", "batchJar", "workflowPath", "start");
  }

  @Test
  void coordinatorRunsNightlyInNewYorkOneAtATime() {
    Element app = coordinator.getDocumentElement();
    assertThat(app.getAttribute("timezone")).isEqualTo("America/New_York");
    assertThat(app.getAttribute("frequency")).isEqualTo("${coord:days(1)}");
    Element controls = child(app, "controls");
    assertThat(text(controls, "concurrency")).isEqualTo("1");
    assertThat(text(controls, "execution")).isEqualTo("FIFO");
    // 02:30 UTC in January is 21:30 in New York: after the close and extended hours.
    assertThat(jobProperties().getProperty("start")).isEqualTo("2026-01-06T02:30Z");
    assertThat(
            java.time.ZonedDateTime.parse("2026-01-06T02:30Z")
                .withZoneSameInstant(java.time.ZoneId.of("America/New_York"))
                .toLocalTime())
        .isEqualTo(java.time.LocalTime.of(21, 30));
  }

  /** Identifiers an EL expression reads: not functions, string literals, operators or units. */
  static Set<String> variables(String text) {
    Set<String> found = new TreeSet<>();
    Matcher el = EL.matcher(text);
    while (el.find()) {
      String expression = el.group(1).replaceAll("'[^']*'|\"[^\"]*\"", "");
      Matcher identifier =
          Pattern.compile("(?<![\\w:.])([A-Za-z_][\\w.]*)(?![\\w.]*\\s*[(:])").matcher(expression);
      while (identifier.find()) {
        String name = identifier.group(1);
        if (!Set.of("eq", "ne", "and", "or", "not", "true", "false", "MINUTES", "HOURS", "DAYS")
            .contains(name)) {
          found.add(name);
        }
      }
    }
    return found;
  }

  private Map<String, Element> nodes() {
    Map<String, Element> nodes = new LinkedHashMap<>();
    NodeList children = workflow.getDocumentElement().getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && !e.getAttribute("name").isEmpty()) {
        nodes.put(e.getAttribute("name"), e);
      }
    }
    return nodes;
  }

  private List<Element> transitions() {
    List<Element> transitions = new ArrayList<>();
    for (String tag : List.of("ok", "error", "case", "default")) {
      transitions.addAll(elements(workflow, WORKFLOW_NS, tag));
    }
    return transitions;
  }

  private static Properties jobProperties() {
    try (InputStream in = NightlyApp.open(NightlyApp.JOB_PROPERTIES)) {
      Properties properties = new Properties();
      properties.load(in);
      return properties;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String text(String file) {
    try {
      return OozieSchemasTest.read(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Element child(Element parent, String localName) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getLocalName().equals(localName)) {
        return e;
      }
    }
    throw new AssertionError("no <" + localName + "> in <" + parent.getLocalName() + ">");
  }

  private static String text(Element parent, String localName) {
    return child(parent, localName).getTextContent().strip();
  }

  private static List<String> texts(Element parent, String localName) {
    List<String> texts = new ArrayList<>();
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getLocalName().equals(localName)) {
        texts.add(e.getTextContent().strip());
      }
    }
    return texts;
  }

  private static List<Element> elements(Document document, String namespace, String localName) {
    List<Element> elements = new ArrayList<>();
    NodeList found = document.getElementsByTagNameNS(namespace, localName);
    for (int i = 0; i < found.getLength(); i++) {
      elements.add((Element) found.item(i));
    }
    return elements;
  }

  private static Document parse(String file) {
    try (InputStream in = NightlyApp.open(file)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(in);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot parse " + file, e);
    }
  }

  private static Document parseFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot parse " + file, e);
    }
  }
}
