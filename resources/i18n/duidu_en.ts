<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
  <context>
    <name>PassagesMixin</name>
    <message numerus="yes">
      <source>  … and %n more</source>
      <translation>
        <numerusform>  … and %n more</numerusform>
        <numerusform>  … and %n more</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ExcerptActionsMixin</name>
    <message numerus="yes">
      <source>Copied %n excerpt(s) with citations</source>
      <translation>
        <numerusform>Copied %n excerpt with citations</numerusform>
        <numerusform>Copied %n excerpts with citations</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ExcerptsPanel</name>
    <message numerus="yes">
      <source>Delete the tag “%1”? %n excerpt(s) will lose it (the excerpts stay).</source>
      <translation>
        <numerusform>Delete the tag “%1”? %n excerpt will lose it (the excerpt stays).</numerusform>
        <numerusform>Delete the tag “%1”? %n excerpts will lose it (the excerpts stay).</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Merge “%1” into “%2”? %n excerpt(s) move.</source>
      <translation>
        <numerusform>Merge “%1” into “%2”? %n excerpt moves.</numerusform>
        <numerusform>Merge “%1” into “%2”? %n excerpts move.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message numerus="yes">
      <source>%n excerpt(s)</source>
      <translation>
        <numerusform>%n excerpt</numerusform>
        <numerusform>%n excerpts</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n under review</source>
      <translation>
        <numerusform>%n under review</numerusform>
        <numerusform>%n under review</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>FindBar</name>
    <message numerus="yes">
      <source>%n hit(s)</source>
      <translation>
        <numerusform>%n hit</numerusform>
        <numerusform>%n hits</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>HitTree</name>
    <message numerus="yes">
      <source>%n hit(s)</source>
      <translation>
        <numerusform>%n hit</numerusform>
        <numerusform>%n hits</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>LibraryActionsMixin</name>
    <message numerus="yes">
      <source>Remove %n speech(es) from the library, with their tagged excerpts?</source>
      <translation>
        <numerusform>Remove %n speech from the library, with its tagged excerpts?</numerusform>
        <numerusform>Remove %n speeches from the library, with their tagged excerpts?</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message numerus="yes">
      <source>%n speech(es) in the library</source>
      <translation>
        <numerusform>%n speech in the library</numerusform>
        <numerusform>%n speeches in the library</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>OverviewView</name>
    <message numerus="yes">
      <source>%n speech(es).</source>
      <translation>
        <numerusform>%n speech.</numerusform>
        <numerusform>%n speeches.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n shared phrase(s)</source>
      <translation>
        <numerusform>%n shared phrase</numerusform>
        <numerusform>%n shared phrases</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n formula(e)</source>
      <translation>
        <numerusform>%n formula</numerusform>
        <numerusform>%n formulae</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ReviewActionsMixin</name>
    <message numerus="yes">
      <source>%n excerpt(s) need review</source>
      <translation>
        <numerusform>%n excerpt needs review</numerusform>
        <numerusform>%n excerpts need review</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TagDialog</name>
    <message numerus="yes">
      <source>Also tag the same passage in the other %n speech(es)</source>
      <translation>
        <numerusform>Also tag the same passage in the other %n speech</numerusform>
        <numerusform>Also tag the same passage in the other %n speeches</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TimelineWidget</name>
    <message numerus="yes">
      <source> · %n undated speech(es) not shown</source>
      <translation>
        <numerusform> · %n undated speech not shown</numerusform>
        <numerusform> · %n undated speeches not shown</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n use(s)</source>
      <translation>
        <numerusform>%n use</numerusform>
        <numerusform>%n uses</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SearchTab</name>
    <message numerus="yes">
      <source>“%1”: %n hit(s) in %2</source>
      <translation>
        <numerusform>“%1”: %n hit in %2</numerusform>
        <numerusform>“%1”: %n hits in %2</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n speech(es)</source>
      <translation>
        <numerusform>%n speech</numerusform>
        <numerusform>%n speeches</numerusform>
      </translation>
    </message>
  </context>
</TS>