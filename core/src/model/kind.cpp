#include "disarm/model/kind.hpp"

namespace disarm {

const std::array<KindInfo, kKindCount>& all_kinds() {
  // Order matters twice: it is the enum order, and the order kinds are listed in the UI.
  static const std::array<KindInfo, kKindCount> kinds = {{
      {Kind::Phase, "phase", "Phase", "Phases", "P", 2},
      {Kind::Tactic, "tactic", "Tactic", "Tactics", "TA", 2},
      {Kind::Technique, "technique", "Technique", "Techniques", "T", 4},
      {Kind::Task, "task", "Task", "Tasks", "TK", 4},
      {Kind::Incident, "incident", "Incident", "Incidents", "I", 5},
      {Kind::Counter, "counter", "Counter", "Counters", "C", 5},
      {Kind::ActorType, "actor-type", "Actor type", "Actor types", "A", 3},
      {Kind::Metatechnique, "metatechnique", "Metatechnique", "Metatechniques", "M", 3},
      {Kind::Detection, "detection", "Detection", "Detections", "F", 5},
      {Kind::ResponseType, "response-type", "Response type", "Response types", "D", 2},
      {Kind::Sector, "sector", "Sector", "Sectors", "S", 3},
      {Kind::Framework, "framework", "Framework viewpoint", "Framework viewpoints", "FW", 2},
  }};
  return kinds;
}

const KindInfo& kind_info(Kind kind) {
  return all_kinds()[static_cast<std::size_t>(kind)];
}

std::string_view kind_name(Kind kind) {
  return kind_info(kind).name;
}

std::optional<Kind> kind_from_name(std::string_view name) {
  for (const auto& info : all_kinds())
    if (info.name == name) return info.kind;
  return std::nullopt;
}

}  // namespace disarm
