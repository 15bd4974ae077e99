# A hand-written snippet: ether1 faces an upstream modem on a private subnet and is in an interface list
# named isp. Nothing else (no default route, DHCP client, public address or defconf WAN list) says it is
# the WAN, so natlint takes it as one by the list's name and says that the verdicts rest on that.
/interface bridge add name=bridge
/interface bridge port add bridge=bridge interface=ether2
/interface list add name=isp
/interface list member add interface=ether1 list=isp # expect: not-analysed
/ip address add address=192.168.88.1/24 interface=bridge
/ip address add address=10.0.0.2/30 interface=ether1
/ip firewall nat add chain=srcnat action=masquerade out-interface-list=isp
/ip firewall nat add chain=dstnat in-interface-list=isp protocol=tcp dst-port=443 action=dst-nat to-addresses=192.168.88.10 # expect: dstnat-unreachable-from-lan, dstnat-no-route-back
# With no default route the router has no way back to an internet client beyond 10.0.0.0/30, which
# dstnat-no-route-back reports (resting on the same guess).
