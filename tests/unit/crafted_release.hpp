// A small crafted release for the release diff's tests, which change a copy of it to make the
// next release.
#pragma once

#include <string>

#include "catch.hpp"
#include "disarm/model/model.hpp"

namespace disarm::test {

inline Object make(std::string id, Kind kind, std::string name, std::string summary = {}) {
  Object o;
  o.id = std::move(id);
  o.kind = kind;
  o.name = std::move(name);
  o.summary = std::move(summary);
  return o;
}

// A small 1.x-shaped release: two phases, two tactics, three techniques and a sub-technique,
// an incident and a counter.
inline FrameworkData base(std::string version) {
  FrameworkData d;
  d.provenance.name = "Crafted";
  d.provenance.licence = "test";
  d.provenance.date = version == "1.0" ? "2024-01-01" : "2025-01-01";
  d.release.framework = std::string(kRedBlueFramework);
  d.release.version = std::move(version);
  d.objects = {make("P01", Kind::Phase, "Plan"),
               make("P02", Kind::Phase, "Act"),
               make("TA01", Kind::Tactic, "Prepare"),
               make("TA02", Kind::Tactic, "Spread"),
               make("T0001", Kind::Technique, "Make accounts", "Open many accounts on one platform."),
               make("T0002", Kind::Technique, "Write posts", "Write short posts."),
               make("T0002.001", Kind::Technique, "Write jokes"),
               make("T0003", Kind::Technique, "Share posts"),
               make("I00001", Kind::Incident, "A campaign"),
               make("C00001", Kind::Counter, "Remove accounts")};
  d.relations = {{RelationType::TacticPhase, "TA01", "P01", {}, {}},
                 {RelationType::TacticPhase, "TA02", "P02", {}, {}},
                 {RelationType::TechniqueTactic, "T0001", "TA01", {}, {}},
                 {RelationType::TechniqueTactic, "T0002", "TA01", {}, {}},
                 {RelationType::TechniqueTactic, "T0002.001", "TA01", {}, {}},
                 {RelationType::TechniqueParent, "T0002.001", "T0002", {}, {}},
                 {RelationType::TechniqueTactic, "T0003", "TA02", {}, {}},
                 {RelationType::IncidentTechnique, "I00001", "T0001", "seen", {}},
                 {RelationType::CounterTechnique, "C00001", "T0001", {}, {}}};
  return d;
}

inline Object& object(FrameworkData& d, const std::string& id) {
  for (Object& o : d.objects)
    if (o.id == id) return o;
  FAIL("no object " << id);
  return d.objects.front();
}

}  // namespace disarm::test
