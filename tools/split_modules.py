#!/usr/bin/env python3
"""Splits the single-project Atelier tree into Maven modules (run through tools/split-modules.sh).

  atelier-core   every package under src/ except cli and web (including packages added later), their tests,
                 test resources; publishes a test-jar with the shared test helpers
  atelier-app    dev.atelier.cli and dev.atelier.web, their resources (web/, simplelogger.properties), the tests
                 that drive the command line or the web app; builds target/atelier.jar + target/lib as before
  atelier-spark  already a module directory; switched from the installed single-project jar to atelier-core
  pom.xml        becomes the parent and aggregator (atelier-parent): properties, versions, plugin settings

Dependencies of the old pom go to the core, except the ones only the app uses (picocli, Javalin, the SLF4J
binding, Selenium), which go to the app unless core code imports them. Plugins: compiler and surefire settings
to the parent; jar and dependency-copy (the launcher's jar + lib/) to the app; any other plugin to the core.
Files are moved with plain renames and staged with `git add -A`, so git records them as renames.
"""
import copy
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = "http://maven.apache.org/POM/4.0.0"
ET.register_namespace("", NS)
Q = lambda tag: "{%s}%s" % (NS, tag)  # noqa: E731

APP_PACKAGES = ("dev/atelier/cli/", "dev/atelier/web/")
APP_RESOURCES = ("web/", "simplelogger.properties")
# dependency (groupId, artifactId or '*') -> Java package prefix that marks its use in code
APP_ONLY = {
    ("info.picocli", "picocli"): "picocli.",
    ("io.javalin", "javalin"): "io.javalin",
    ("org.slf4j", "slf4j-simple"): None,
    ("org.seleniumhq.selenium", "*"): "org.openqa",
}
APP_TEST_MARKERS = re.compile(r"\bdev\.atelier\.(cli|web)\b|\bCliRun\b")


def die(msg):
    print("split-modules: " + msg, file=sys.stderr)
    sys.exit(1)


def files_under(root):
    out = []
    for d, _, names in os.walk(root):
        for n in names:
            out.append(os.path.relpath(os.path.join(d, n), root).replace(os.sep, "/"))
    return sorted(out)


def move(src, dst):
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    shutil.move(src, dst)


def java_package_and_class(rel):
    parts = rel[:-5].split("/")
    return ".".join(parts[:-1]), parts[-1]


def classify_tests(test_root):
    """Test sources to the app: those under cli/web, those that use them, and (to a fixpoint) what uses those."""
    tests = [f for f in files_under(test_root) if f.endswith(".java")]
    text = {f: open(os.path.join(test_root, f), encoding="utf-8").read() for f in tests}
    app = {f for f in tests if f.startswith(APP_PACKAGES) or APP_TEST_MARKERS.search(text[f])}
    changed = True
    while changed:
        changed = False
        moved = [java_package_and_class(f) for f in app]
        for f in tests:
            if f in app:
                continue
            pkg, _ = java_package_and_class(f)
            for mpkg, mcls in moved:
                same = mpkg == pkg and re.search(r"\b%s\b" % re.escape(mcls), text[f])
                imported = re.search(r"import\s+(static\s+)?%s\.%s\b" % (re.escape(mpkg), re.escape(mcls)), text[f])
                if same or imported:
                    app.add(f)
                    changed = True
                    break
    return app


def el(tag, text=None, children=()):
    e = ET.Element(Q(tag))
    if text is not None:
        e.text = text
    for c in children:
        e.append(c)
    return e


def dep(group, artifact, version=None, scope=None, type_=None):
    d = el("dependency", children=[el("groupId", group), el("artifactId", artifact)])
    if version:
        d.append(el("version", version))
    if type_:
        d.append(el("type", type_))
    if scope:
        d.append(el("scope", scope))
    return d


def text_of(e, tag):
    c = e.find(Q(tag))
    return None if c is None else (c.text or "").strip()


def indent(e, level=0):
    pad = "\n" + "  " * level
    if len(e):
        if not (e.text or "").strip():
            e.text = pad + "  "
        for c in e:
            indent(c, level + 1)
        if not (c.tail or "").strip():
            c.tail = pad
    if level and not (e.tail or "").strip():
        e.tail = pad


def write_pom(path, project):
    indent(project)
    body = ET.tostring(project, encoding="unicode")
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n")


def new_project(artifact, name, parent=None, packaging=None):
    p = ET.Element(Q("project"))
    p.set("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation",
          "http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd")
    p.append(el("modelVersion", "4.0.0"))
    if parent is not None:
        p.append(parent)
    else:
        p.append(el("groupId", "dev.atelier"))
    p.append(el("artifactId", artifact))
    if parent is None:
        p.append(el("version", VERSION))
    if packaging:
        p.append(el("packaging", packaging))
    p.append(el("name", name))
    return p


def parent_ref():
    return el("parent", children=[el("groupId", "dev.atelier"), el("artifactId", "atelier-parent"),
                                  el("version", VERSION)])


def main():
    global VERSION
    root = os.getcwd()
    if not os.path.isfile("pom.xml") or not os.path.isdir("src/main/java/dev/atelier"):
        die("run this at the top of an unsplit Atelier tree (pom.xml and src/main/java/dev/atelier)")
    if os.path.exists("atelier-core") or os.path.exists("atelier-app"):
        die("atelier-core/ or atelier-app/ exists already: the tree is split")
    old = ET.parse("pom.xml").getroot()
    if text_of(old, "packaging") not in (None, "jar"):
        die("pom.xml is not the single jar project")
    VERSION = text_of(old, "version")

    # ---- sources ------------------------------------------------------------------------------------------
    moves = []
    for f in files_under("src/main/java"):
        moves.append(("src/main/java/" + f, ("atelier-app" if f.startswith(APP_PACKAGES) else "atelier-core")
                      + "/src/main/java/" + f))
    if os.path.isdir("src/main/resources"):
        for f in files_under("src/main/resources"):
            app = f.startswith(APP_RESOURCES) or f.startswith(APP_PACKAGES)
            moves.append(("src/main/resources/" + f, ("atelier-app" if app else "atelier-core")
                          + "/src/main/resources/" + f))
    app_tests = classify_tests("src/test/java") if os.path.isdir("src/test/java") else set()
    if os.path.isdir("src/test/java"):
        for f in files_under("src/test/java"):
            moves.append(("src/test/java/" + f, ("atelier-app" if f in app_tests else "atelier-core")
                          + "/src/test/java/" + f))
    if os.path.isdir("src/test/resources"):
        for f in files_under("src/test/resources"):
            moves.append(("src/test/resources/" + f, "atelier-core/src/test/resources/" + f))
    leftovers = [f for f in files_under("src") if not f.startswith(("main/java/", "main/resources/", "test/java/",
                                                                     "test/resources/"))]
    for f in leftovers:  # other source roots (src/main/proto, …) stay with the core
        moves.append(("src/" + f, "atelier-core/src/" + f))
    def any_uses(root, names, prefix):
        return prefix is not None and any(prefix in open(os.path.join(root, f), encoding="utf-8").read()
                                          for f in names)
    core_main = [f for f in files_under("src/main/java") if f.endswith(".java") and not f.startswith(APP_PACKAGES)]
    core_tests = [f for f in files_under("src/test/java") if f.endswith(".java") and f not in app_tests] \
        if os.path.isdir("src/test/java") else []
    core_uses = {key: any_uses("src/main/java", core_main, pkg) for key, pkg in APP_ONLY.items()}
    core_test_uses = {key: any_uses("src/test/java", core_tests, pkg) for key, pkg in APP_ONLY.items()}
    for src, dst in moves:
        move(src, dst)
    shutil.rmtree("src")

    # ---- poms ---------------------------------------------------------------------------------------------
    props = old.find(Q("properties"))
    props = copy.deepcopy(props) if props is not None else el("properties")
    for p in list(props):
        if p.tag == Q("atelier.build.dir"):
            props.remove(p)
    deps = old.find(Q("dependencies"))
    deps = list(deps) if deps is not None else []

    def app_only(d):
        g, a = text_of(d, "groupId"), text_of(d, "artifactId")
        for (gg, aa) in APP_ONLY:
            if g == gg and aa in ("*", a):
                scope = text_of(d, "scope")
                used = core_test_uses[(gg, aa)] if scope == "test" else core_uses[(gg, aa)]
                return not used
        return False

    core_deps = [copy.deepcopy(d) for d in deps if not app_only(d)]
    app_deps = [copy.deepcopy(d) for d in deps if app_only(d) or text_of(d, "scope") == "test"]

    plugins_el = old.find(Q("build") + "/" + Q("plugins"))
    plugins = list(plugins_el) if plugins_el is not None else []
    by_id = {text_of(p, "artifactId"): p for p in plugins}
    managed = [copy.deepcopy(p) for a, p in by_id.items() if a in ("maven-compiler-plugin", "maven-surefire-plugin")]
    app_plugins = [copy.deepcopy(p) for a, p in by_id.items() if a in ("maven-jar-plugin", "maven-dependency-plugin")]
    core_plugins = [copy.deepcopy(p) for a, p in by_id.items()
                    if a not in ("maven-compiler-plugin", "maven-surefire-plugin", "maven-jar-plugin",
                                 "maven-dependency-plugin")]
    for p in managed:  # ../shared is one level further up from a module
        for env in p.iter(Q("ATELIER_SHARED")):
            env.text = env.text.replace("${project.basedir}/../shared", "${project.basedir}/../../shared")

    # parent
    parent = new_project("atelier-parent", text_of(old, "name") or "Atelier", packaging="pom")
    if text_of(old, "description"):
        parent.append(el("description", text_of(old, "description")))
    modules = [el("module", "atelier-core"), el("module", "atelier-app")]
    if os.path.isfile("atelier-spark/pom.xml"):
        modules.append(el("module", "atelier-spark"))
    parent.append(el("modules", children=modules))
    parent.append(props)
    dm = el("dependencyManagement", children=[el("dependencies", children=[
        dep("dev.atelier", "atelier-core", "${project.version}"),
        dep("dev.atelier", "atelier-core", "${project.version}", type_="test-jar")])])
    parent.append(dm)
    parent.append(el("profiles", children=[el("profile", children=[
        el("id", "build-dir"),
        el("activation", children=[el("property", children=[el("name", "atelier.build.dir")])]),
        el("build", children=[el("directory", "${atelier.build.dir}/${project.artifactId}")])])]))
    parent.append(el("build", children=[
        el("pluginManagement", children=[el("plugins", children=managed)]),
        el("plugins", children=[el("plugin", children=[el("groupId", text_of(p, "groupId") or
                                                         "org.apache.maven.plugins"),
                                                      el("artifactId", text_of(p, "artifactId"))])
                                for p in managed])]))
    write_pom("pom.xml", parent)

    # core
    core = new_project("atelier-core", "Atelier core (library)", parent=parent_ref())
    core.append(el("dependencies", children=core_deps))
    old_profiles = old.find(Q("profiles"))
    if old_profiles is not None:
        core.append(copy.deepcopy(old_profiles))
    jar_version = text_of(by_id["maven-jar-plugin"], "version") if "maven-jar-plugin" in by_id else "3.4.2"
    core_plugins.append(el("plugin", children=[
        el("groupId", "org.apache.maven.plugins"), el("artifactId", "maven-jar-plugin"), el("version", jar_version),
        el("executions", children=[el("execution", children=[
            el("id", "test-helpers"), el("goals", children=[el("goal", "test-jar")])])])]))
    core.append(el("build", children=[el("plugins", children=core_plugins)]))
    write_pom("atelier-core/pom.xml", core)

    # app
    app = new_project("atelier-app", "Atelier app (command line and web)", parent=parent_ref())
    app.append(el("dependencies", children=[
        dep("dev.atelier", "atelier-core", "${project.version}"),
        dep("dev.atelier", "atelier-core", "${project.version}", scope="test", type_="test-jar")] + app_deps))
    surefire = el("plugin", children=[
        el("groupId", "org.apache.maven.plugins"), el("artifactId", "maven-surefire-plugin"),
        el("configuration", children=[el("workingDirectory", "${project.basedir}/../atelier-core")])])
    surefire.insert(2, ET.Comment(" Tests read fixtures by path (src/test/resources/...): they live in the core. "))
    app.append(el("build", children=[el("finalName", "atelier"), el("plugins", children=app_plugins + [surefire])]))
    write_pom("atelier-app/pom.xml", app)

    # spark
    if os.path.isfile("atelier-spark/pom.xml"):
        text = open("atelier-spark/pom.xml", encoding="utf-8").read()
        text = text.replace("<atelier.core.artifact>atelier</atelier.core.artifact>",
                            "<atelier.core.artifact>atelier-core</atelier.core.artifact>")
        open("atelier-spark/pom.xml", "w", encoding="utf-8").write(text)

    if os.path.isdir(".git") or subprocess.run(["git", "rev-parse"], capture_output=True).returncode == 0:
        paths = [p for p in ("pom.xml", "atelier-core", "atelier-app", "atelier-spark") if os.path.exists(p)]
        subprocess.run(["git", "add", "-A", "--"] + paths + [":(glob)src/**"], check=False)

    print("split-modules: moved %d files (%d app tests); poms written" % (len(moves), len(app_tests)))
    print("split-modules: app tests: " + ", ".join(sorted(os.path.basename(f)[:-5] for f in app_tests)))
    hits = []
    candidates = ["README.md"] if os.path.isfile("README.md") else []
    for d in ("bench", "tools", ".ci", "docs", "atelier-core/src", "atelier-app/src"):
        if os.path.isdir(d):
            candidates += [os.path.join(d, f) for f in files_under(d) if not f.endswith((".java", ".class"))]
    for path in candidates:
        try:
            t = open(path, encoding="utf-8").read()
        except (UnicodeDecodeError, IsADirectoryError):
            continue
        if path not in ("tools/split_modules.py", "tools/split-modules.sh") and re.search(
                r"(?<![\w-])(src/(main|test)|target/atelier\.jar|target/lib)", t):
            hits.append(path)
    if hits:
        print("split-modules: these files name old paths (src/..., target/atelier.jar); check them: "
              + ", ".join(hits))


if __name__ == "__main__":
    main()
