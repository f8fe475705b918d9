#include "catch.hpp"
#include <string>

#include "disarm/model/object_links.hpp"
#include "disarm/model/similar_ids.hpp"
#include "sample_framework.hpp"

using namespace disarm;

namespace {

// "tactic: TA07; parent: T0154" for comparing groups in one line.
std::string summary(const Framework& fw, const std::vector<LinkGroup>& groups) {
  std::string out;
  for (const auto& g : groups) {
    if (!out.empty()) out += "; ";
    out += std::string(g.name()) + ":";
    for (const auto& l : g.links) out += " " + fw.object(l.other).id;
  }
  return out;
}

}  // namespace

TEST_CASE("a sub-technique's links: its tactic, its parent, then the incidents citing it") {
  const Framework& fw = test::sample_framework();
  auto groups = link_groups(fw, *fw.find("T0154.002"));
  CHECK(summary(fw, groups) == "tactic: TA07; parent: T0154; incidents: I00001 I00002");
  CHECK(groups[2].type == RelationType::IncidentTechnique);
  CHECK_FALSE(groups[2].forward);
  CHECK_THAT(fw.relations()[groups[2].links[0].relation].text, ContainsText("online speech service"));
}

TEST_CASE("an incident's techniques keep the incident's order, a tactic's groups name every side") {
  const Framework& fw = test::sample_framework();
  CHECK(summary(fw, link_groups(fw, *fw.find("I00001"))) == "techniques: T0088.001 T0154.002 T0146");
  CHECK(summary(fw, link_groups(fw, *fw.find("TA09"))) ==
        "phase: P02; techniques: T0049 T0049.001; counters: C00070; countered_by: C00070; detections: F00008");
  CHECK(link_groups(fw, *fw.find("FW01")).size() == 1);
}

TEST_CASE("every link of every object is in exactly one group") {
  const Framework& fw = test::sample_framework();
  for (ObjectIndex i = 0; i < fw.objects().size(); ++i) {
    std::size_t grouped = 0;
    for (const auto& g : link_groups(fw, i)) grouped += g.links.size();
    CHECK(grouped == fw.links(i).size());
  }
}

TEST_CASE("similar IDs: near misses, nearest number first, nothing for far-off text") {
  const Framework& fw = test::sample_framework();
  CHECK(similar_ids(fw, "T0155") == std::vector<std::string>{"T0154", "T0146"});
  CHECK(similar_ids(fw, "t0154.02") == std::vector<std::string>{"T0154.002"});
  CHECK(similar_ids(fw, "I0001") == std::vector<std::string>{"I00001", "I00002", "I00003"});
  CHECK(similar_ids(fw, "ta8").empty());
  CHECK(similar_ids(fw, "nothing like an ID").empty());
  CHECK(similar_ids(fw, "").empty());
}
