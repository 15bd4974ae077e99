# The guest VLAN's interface list is named wan-guests. The real WAN is known by its default route and
# public address, so the list name makes nothing a WAN: the guest subnet is a LAN like the bridge, and
# the forward's public address is 203.0.113.2 alone, not the guest gateway 10.30.0.1.
/interface bridge add name=bridge
/interface bridge port add bridge=bridge interface=ether2
/interface vlan add interface=bridge name=vlan-guests vlan-id=30
/interface list add name=wan-guests
/interface list member add interface=vlan-guests list=wan-guests
/ip address add address=192.168.88.1/24 interface=bridge
/ip address add address=10.30.0.1/24 interface=vlan-guests
/ip address add address=203.0.113.2/24 interface=ether1
/ip route add gateway=203.0.113.1
/ip firewall nat add chain=srcnat action=masquerade out-interface=ether1
/ip firewall nat add chain=dstnat in-interface=ether1 protocol=tcp dst-port=443 action=dst-nat to-addresses=192.168.88.10 # expect: dstnat-unreachable-from-lan
